/**
 * Topic word tables (written for this generator). A document picks one topic and mixes its words with
 * the general tables, which keeps a page on one subject the way real pages are. Frequency order matters.
 */
import { wordList } from './rng.js';

export interface TopicWords {
  name: string;
  /** Section label used in URLs and navigation, e.g. `tech`. */
  slug: string;
  nouns: string[];
  adjectives: string[];
  verbs: string[];
}

function topic(name: string, slug: string, nouns: string, adjectives: string, verbs: string): TopicWords {
  return { name, slug, nouns: wordList(nouns), adjectives: wordList(adjectives), verbs: wordList(verbs) };
}

export const TOPICS: readonly TopicWords[] = [
  topic(
    'Technology',
    'tech',
    `software/software update device app battery screen laptop phone network server developer feature
      browser chip camera cloud password account storage/storage keyboard processor bug platform router
      printer firmware/firmware tablet backup database setting driver`,
    'digital wireless mobile secure faster smart portable encrypted experimental compatible',
    `download install restart upgrade configure debug:debugged:debugging upload encrypt sync
      format:formatted:formatting`,
  ),
  topic(
    'Business',
    'business',
    `market company revenue/revenue profit/profit investor share customer store product sale quarter
      growth/growth loan bank startup manager employee contract supplier retailer factory industry/industry
      economy/economy salary/salary office merger shareholder warehouse export forecast`,
    'quarterly profitable corporate economic commercial wholesale retail competitive financial fiscal',
    'invest hire acquire borrow negotiate export merge lend:lent outsource trade',
  ),
  topic(
    'Health',
    'health',
    `patient doctor hospital clinic treatment vaccine nurse symptom disease diet/diet sleep/sleep
      exercise/exercise heart blood/blood medicine/medicine therapy/therapy infection trial surgeon pharmacy
      injury/injury muscle vitamin allergy prescription appointment recovery/recovery dose checkup`,
    'medical clinical chronic healthy mental physical preventive elderly acute nutritional',
    'treat diagnose prescribe vaccinate recover exercise screen monitor heal stretch',
  ),
  topic(
    'Sports',
    'sports',
    `team season player coach match goal league score tournament fan stadium injury/injury championship
      round club race victory defender striker referee trophy final medal squad captain pitch transfer
      semifinal marathon athlete`,
    'unbeaten defensive offensive professional domestic decisive fit competitive injured talented',
    'defeat score train qualify tackle sign beat:beat::beaten coach defend compete',
  ),
  topic(
    'Local Government',
    'local',
    `council mayor vote road park school district resident policy tax permit housing/housing neighborhood
      police transit/transit committee proposal ordinance sidewalk budget election candidate hearing
      commissioner zoning/zoning library playground county`,
    'municipal residential public elected proposed affordable civic unanimous local regional',
    'approve vote propose fund reject elect repave rezone debate postpone',
  ),
  topic(
    'Science',
    'science',
    `researcher species/species planet star experiment sample cell gene climate ocean telescope fossil
      molecule energy/energy particle theory observation laboratory temperature satellite galaxy specimen
      protein bacteria/bacteria orbit mineral volcano/volcanoes glacier`,
    'scientific genetic marine molecular solar microscopic fossilized experimental chemical thermal',
    'observe analyze measure detect sequence classify simulate orbit isolate publish',
  ),
  topic(
    'Travel',
    'travel',
    `trip hotel flight beach island museum tour guide visitor restaurant train route view mountain trail
      village passport luggage/luggage airport harbor castle cathedral ferry hostel itinerary cafe square
      waterfall lighthouse cabin`,
    'scenic historic affordable crowded quiet picturesque coastal hidden medieval tropical',
    'explore book hike visit pack wander cruise board reserve tour',
  ),
  topic(
    'Food',
    'food',
    `recipe dish flour/flour butter/butter sugar/sugar oven sauce garlic/garlic onion pasta/pasta
      bread/bread salt/salt pepper/pepper cheese/cheese chicken soup salad ingredient cup tablespoon pan
      dough lemon rice/rice vegetable spice herb egg cream/cream bean`,
    'crispy tender fresh homemade savory sweet spicy golden creamy roasted',
    'bake stir:stirred:stirring chop:chopped:chopping simmer roast whisk season serve knead grill',
  ),
  topic(
    'Home and Garden',
    'home',
    `garden soil/soil plant tomato/tomatoes seed roof wall paint/paint floor window fence lawn shed tool
      drill compost/compost bed pot leaf/leaves root pest hedge gutter tile faucet porch basement ladder
      mulch/mulch shrub`,
    'leaky sunny shady damp sturdy cracked organic raised drafty overgrown',
    'plant prune water repaint seal sand dig:dug:digging mulch drain insulate',
  ),
  topic(
    'Arts and Music',
    'culture',
    `album song band artist concert stage film director actor festival painting gallery novel author
      exhibition guitar singer audience premiere theater poem orchestra studio sculpture choir soundtrack
      portrait tour documentary`,
    'acoustic classical debut experimental critical live animated contemporary acclaimed orchestral',
    'perform record paint compose direct exhibit rehearse premiere tour sing:sang::sung',
  ),
  topic(
    'Education',
    'education',
    `student teacher class course exam university degree lesson grade campus professor semester scholarship
      tuition/tuition classroom homework/homework subject curriculum/curriculum graduate principal lecture
      essay dormitory tutor kindergarten diploma thesis/theses enrollment/enrollment textbook`,
    'academic undergraduate online remote bilingual vocational graduate elementary rigorous annual',
    'enroll teach:taught graduate study grade lecture tutor apply register revise',
  ),
  topic(
    'Environment',
    'environment',
    `forest river wildlife/wildlife pollution/pollution emission recycling/recycling waste/waste
      energy/energy flood drought habitat coast rainfall/rainfall wetland conservation/conservation tree
      carbon/carbon reef erosion/erosion landfill turbine panel heatwave wildfire watershed
      biodiversity/biodiversity pesticide soil/soil`,
    'renewable endangered sustainable coastal polluted protected invasive native arid toxic',
    'recycle restore protect plant monitor conserve pollute reforest clean compost',
  ),
  topic(
    'Cars',
    'cars',
    `car engine tire brake battery mile dealer model truck fuel/fuel driver mechanic repair transmission
      oil/oil warranty sedan hybrid charger gear clutch radiator bumper mileage/mileage alternator headlight
      axle spark dashboard`,
    'electric used reliable fuel-efficient noisy rusty manual automatic diesel compact',
    'drive:drove::driven tow service replace inspect charge lease park rev:revved:revving accelerate',
  ),
];
