/**
 * General English word tables, written for this generator (not taken from any corpus). Each table is in
 * rough frequency order, because samplers give rank 0 the highest Zipf weight. Inflection overrides use
 * `base/plural` for nouns and `base:past:ing:participle` for verbs (empty or missing parts follow the
 * regular rules; the participle defaults to the past form).
 */
import { wordList } from './rng.js';

export const NOUNS = wordList(`
  time year way day thing world life/lives part place week system program question work number night point
  home water/water room area money/money story fact month lot study book job word business issue side kind
  head house service friend power hour game line end member law car city community name team minute idea
  body information/information back parent face level office door health/health person/people art/art
  history/history result change morning reason research/research moment air/air force education/education
  plan report field project event decision price market role effect interest process need
  experience/experience course center cost value source rule period society road problem effort voice policy
  picture support/support action land guide letter window island model bridge camera record garden paper
  choice fire step date answer figure list series/series network region future table river street stage
  weekend building version season travel/travel quality section method product campaign library message
  truth/truth science/science site deal image trip detail press/press movie approach space design option
  tradition sign map sale risk goal budget note opinion factor property station standard schedule response
  audience account feature evening village surface visit corner journey shop path track farm bottle brand
  style branch task league forest meeting partner chapter collection crowd harbor lake engine valley kitchen
  ticket tower council agreement
`);

export const ADJECTIVES = wordList(`
  new good old great high small large local important national young different long public real early major
  strong possible whole free full special easy clear recent certain personal open difficult available likely
  short single current private common natural significant similar simple general financial central final
  main popular traditional cultural modern regional rural annual global historic familiar quiet useful
  careful detailed official complex busy rapid stable steady narrow broad heavy bright fresh rare typical
  original remote wooden northern southern eastern western coastal urban dramatic practical seasonal sudden
  gradual unusual independent reliable affordable crowded peaceful ancient temporary permanent additional
  average effective efficient critical proper limited famous ordinary extra direct secure quick warm cold
  dry massive modest generous serious productive creative visible wide deep tall
`);

/** Adverbs that read naturally before a verb ("recently announced"). */
export const ADVERBS = wordList(`
  also still already often recently finally actually probably usually quickly especially certainly nearly
  simply clearly currently generally slowly directly mostly largely rarely frequently initially eventually
  gradually briefly regularly carefully widely immediately originally previously officially
`);

/** Adverbs that read naturally after a verb or its object ("worked well"). */
export const ADVERBS_AFTER = wordList(`
  well again quickly slowly carefully regularly easily together early later overnight instead successfully
  properly smoothly entirely twice
`);

export const PREPOSITIONS = wordList(`
  in on for with at from by about into over after across near during under along between through around
  before behind beyond inside outside toward beside within
`);

export const CONJUNCTIONS = wordList('and but while although because since though whereas');

export const VERBS = wordList(`
  make:made take:took::taken see:saw::seen find:found use give:gave::given show provide help start
  run:ran:running:run keep:kept hold:held bring:brought build:built offer open include create change
  lead:led follow reach meet:met develop improve support expand announce complete consider describe discover
  explain introduce launch manage measure organize prepare present produce protect publish raise receive
  reduce release remove replace require review share test track update visit design increase approve
  plan:planned:planning finish fix collect deliver install restore repair choose:chose::chosen extend
  identify examine explore reveal record select sell:sold send:sent buy:bought win:won:winning
  write:wrote::written lose:lost cut:cut:cutting set:set:setting stop:stopped:stopping drop:dropped:dropping
  host join lower adopt welcome celebrate mark cover compare estimate confirm predict recommend suggest
  encourage attract connect contain display maintain operate
`);

export const FIRST_NAMES = wordList(`
  James Maria David Sarah Michael Priya Wei Ahmed Fatima Olga Lars Aisha Carlos Emma Noah Olivia Liam Sofia
  Mateo Yuki Hiroshi Amara Kwame Elena Ivan Nadia Omar Leila Ravi Anjali Mei Hannah Daniel Grace Samuel
  Chloe Lucas Isabel Tomas Ana Pedro Marco Giulia Pierre Claire Hans Greta Sven Ingrid Patrick Siobhan
  Connor Aoife Kofi Zanele Tariq Yusuf Mariam Dmitri Katya Andrei Irina Ming Arjun Deepa Kenji Aiko Luis
  Carmen Diego Valentina Rosa Jorge Ethan Ava Mason Mia Logan Harper Benjamin Ella Jacob Abigail Henry Lily
  Owen Zoe Ruth Walter Helen Frank Alice George Margaret Arthur Edith Thomas Beatrice Rachel Victor Naomi
  Julian Tessa Felix Imani Rohan Sana Bogdan Marta Nils Freya
`);

export const LAST_NAMES = wordList(`
  Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Wilson Anderson
  Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker
  Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell
  Mitchell Carter Roberts Patel Kim Chen Wang Singh Kumar Okafor Mensah Novak Kowalski Schmidt Rossi Bianchi
  Dubois Moreau Jensen Larsen Andersson Nakamura Tanaka Suzuki Park Choi Haddad Khalil Ivanova Petrov Silva
  Santos Oliveira Costa O'Brien Murphy Kelly Walsh Byrne Fischer Weber Becker Hoffmann Ferrari Romano
  Fontaine Lambert Eriksson Lindqvist Sato Watanabe Yamamoto Huang Zhang Liu Gupta Sharma Reddy Adeyemi
  Abubakar Banda Phiri Mwangi Otieno Castillo Morales Vargas Delgado Fraser Gallagher Holmes Ortega Quinn
  Sullivan Varga Zielinski Horvat
`);

/** Parts of invented place names: prefix + suffix gives towns that exist nowhere in particular. */
export const PLACE_PREFIXES = wordList(`
  Ash Maple River Oak Stone Fair Elm Brook Cedar Pine Mill Green North South East West Clear Red Black White
  Silver Willow Spring Bright Wolf Fox Hazel Lake Rose High Glen Castle Har Wick Thorn Birch Kings Queens
  Bay Marsh Cold
`);
export const PLACE_SUFFIXES = wordList(`
  ford ton field wood bridge view hurst dale side port mouth vale brook ham bury wick stead haven ridge
  creek hill mere moor by thorpe cliff well gate
`);

export const COUNTRIES = wordList(`
  Canada Ireland Scotland England Wales Australia Norway Sweden Denmark Finland Germany Austria France Spain
  Portugal Italy Greece Poland Hungary Croatia Japan Korea India Kenya Ghana Nigeria Brazil Chile Argentina
  Mexico Peru Colombia Morocco Egypt Turkey Iceland Estonia Vietnam Thailand
`);

export const PROFESSIONS = wordList(`
  painter engineer politician composer footballer botanist architect novelist journalist physicist
  photographer historian chemist sculptor economist cyclist diplomat surgeon poet filmmaker
`);

/** Kinds of organism for species articles. */
export const TAXA = wordList(`
  beetle moth frog orchid fern snail songbird lichen mushroom spider shrub grass dragonfly salamander
`);

export const MONTHS = wordList(`
  January February March April May June July August September October November December
`);

export const WEEKDAYS = wordList('Monday Tuesday Wednesday Thursday Friday Saturday Sunday');

/** Web site name parts: two of them make a made-up site such as "maplegazette". */
export const SITE_WORDS = wordList(`
  daily gazette herald tribune courier journal ledger post times chronicle digest weekly review corner notes
  kitchen garden lab desk hub report wire signal beacon lantern compass harbor
`);

export const TLDS = wordList('com com com org net co.uk com.au ca io news blog');

export const EMAIL_DOMAINS = wordList('example.com example.org example.net mail.example.com');
