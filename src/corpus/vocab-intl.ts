/**
 * Word tables for the non-English documents (German, French, Spanish, Russian, Chinese, Arabic), written
 * for this generator. Sentences are built from per-language patterns over these classes: grammar is
 * approximate, but function words, scripts and punctuation are the real ones language ID relies on.
 */
import { wordList } from './rng.js';

export interface LanguageWords {
  /** ISO 639-1. */
  code: string;
  name: string;
  script: 'Latin' | 'Cyrillic' | 'Han' | 'Arabic';
  /** Word classes by pattern letter: D determiner, N noun, V verb, A adjective, P preposition, C conj... */
  classes: Record<string, string[]>;
  /** Patterns of class letters; other tokens are copied literally. */
  patterns: string[];
  /** Joins words: a space, or nothing for Chinese. */
  space: string;
  comma: string;
  stop: string;
  question: string;
}

export const LANGUAGES: readonly LanguageWords[] = [
  {
    code: 'de',
    name: 'German',
    script: 'Latin',
    classes: {
      D: wordList('der die das den dem des ein eine einen einem einer diese dieser unser kein'),
      P: wordList('in mit von zu auf für an bei nach aus über unter vor zwischen durch gegen ohne seit'),
      C: wordList('und oder aber denn weil dass wenn als ob sondern doch'),
      R: wordList('er sie es wir man ich ihr'),
      X: wordList(`nicht auch noch schon nur sehr immer wieder heute jetzt hier dann oft bereits gestern
        vielleicht natürlich leider fast ganz`),
      N: wordList(`Zeit Jahr Menschen Tag Stadt Land Haus Arbeit Leben Welt Frau Mann Kind Schule Familie
        Geld Wasser Straße Woche Monat Regierung Unternehmen Markt Preis Frage Antwort Bericht Gemeinde
        Bürgermeister Rathaus Wohnung Zug Bahnhof Auto Wald Fluss Berg Garten Küche Brot Wetter Sommer
        Winter Geschichte Stunde Nachricht Zeitung Polizei Gericht Arzt Krankenhaus Universität Lehrer
        Verein Mannschaft Spiel Ziel Projekt Plan Entscheidung Ergebnis Energie Umwelt Klima Kirche Museum
        Ausstellung Musik Buch Film Abend Morgen Nacht Freund Nachbarn Weg Dorf Region`),
      V: wordList(`ist sind hat haben wird werden kann muss soll will gibt macht sagt geht kommt steht liegt
        bleibt zeigt findet bringt plant baut öffnet erhält bietet braucht sucht fordert erklärt berichtet
        beginnt entwickelt unterstützt verbessert arbeitet spielt lebt wohnt gewinnt verliert kostet`),
      A: wordList(`neue neuen große großen kleine alte gute guten erste ersten letzte wichtige lange hohe
        deutsche öffentliche regionale eigene schnelle einfache starke ganze weitere bekannte moderne`),
    },
    patterns: ['D A N V X P D N', 'D N V D A N', 'R V X D N P D N', 'P D N V D N X A', 'D N V, C D N X V'],
    space: ' ',
    comma: ',',
    stop: '.',
    question: '?',
  },
  {
    code: 'fr',
    name: 'French',
    script: 'Latin',
    classes: {
      D: wordList('le la les un une des du au aux ce cette ces son sa ses notre leur'),
      P: wordList(
        'de à en dans pour sur avec par sans sous entre vers chez depuis pendant avant après selon',
      ),
      C: wordList('et ou mais donc car que quand si comme puis'),
      R: wordList('il elle on nous vous ils elles je'),
      X: wordList(`pas plus très aussi encore déjà toujours souvent bien aujourd'hui ici maintenant ensuite
        hier enfin beaucoup vraiment`),
      N: wordList(`temps année jour ville pays maison travail vie monde femme homme enfant école famille
        argent eau rue semaine mois gouvernement entreprise marché prix question réponse rapport commune
        maire mairie logement train gare voiture forêt rivière montagne jardin cuisine pain fromage soleil
        été hiver histoire heure nouvelle journal police tribunal médecin hôpital université étudiants
        professeur association équipe match projet plan décision résultat énergie environnement climat
        église musée exposition musique livre film soir matin nuit ami voisins chemin village région`),
      V: wordList(`est sont a ont va vont peut doit fait dit prend donne trouve montre reste devient permet
        propose présente annonce explique ouvre construit reçoit cherche demande travaille joue vit gagne
        perd coûte commence développe soutient améliore`),
      A: wordList(`nouveau nouvelle grand grande petit petite ancien bon bonne premier première dernier
        dernière important importante longue haute français public régional propre rapide simple fort autre
        célèbre moderne`),
    },
    patterns: [
      'D N A V X P D N',
      'D N V D N A',
      'R V X D N P D N',
      'P D N, D N V D A N',
      'D N V D N C R V X',
    ],
    space: ' ',
    comma: ',',
    stop: '.',
    question: '?',
  },
  {
    code: 'es',
    name: 'Spanish',
    script: 'Latin',
    classes: {
      D: wordList('el la los las un una unos unas este esta estos su sus nuestro'),
      P: wordList('de en a por para con sin sobre entre desde hasta hacia según durante tras'),
      C: wordList('y o pero porque que cuando si como aunque pues'),
      R: wordList('él ella nosotros ellos ellas yo usted se'),
      X: wordList('no más muy también ya todavía siempre nunca bien hoy aquí ahora luego ayer además casi'),
      N: wordList(`tiempo año día ciudad país casa trabajo vida mundo mujer hombre niño escuela familia
        dinero agua calle semana mes gobierno empresa mercado precio pregunta respuesta informe municipio
        alcalde ayuntamiento vivienda tren estación coche bosque río montaña jardín cocina pan queso sol
        verano invierno historia hora noticia periódico policía tribunal médico hospital universidad
        estudiantes profesor asociación equipo partido proyecto plan decisión resultado energía clima
        iglesia museo exposición música libro película tarde mañana noche amigo vecinos camino pueblo
        región`),
      V: wordList(`es son está están tiene tienen va van puede debe hace dice lleva da encuentra muestra
        sigue parece permite propone presenta anuncia explica abre construye recibe busca pide trabaja juega
        vive gana pierde cuesta comienza desarrolla apoya mejora`),
      A: wordList(`nuevo nueva grande gran pequeño pequeña viejo buen buena primer primera último última
        importante largo alta español público regional propio rápido sencillo fuerte otro conocido moderno`),
    },
    patterns: [
      'D N A V X P D N',
      'D N V D N A',
      'R V X D N P D N',
      'P D N, D N V D A N',
      'D N V D N C R V X',
    ],
    space: ' ',
    comma: ',',
    stop: '.',
    question: '?',
  },
  {
    code: 'ru',
    name: 'Russian',
    script: 'Cyrillic',
    classes: {
      D: wordList('этот эта это эти его её их наш мой свой весь каждый'),
      P: wordList('в на с по к у из за от для о до при через без под над между после'),
      C: wordList('и а но или что как если когда потому чтобы хотя'),
      R: wordList('он она оно мы они я вы'),
      X: wordList(
        'не уже ещё очень также только всегда теперь сегодня здесь потом вчера почти даже снова часто',
      ),
      N: wordList(`время год день город страна дом работа жизнь мир женщина мужчина ребёнок дети школа семья
        деньги вода улица неделя месяц правительство компания рынок цена вопрос ответ доклад район мэр
        администрация квартира поезд вокзал машина лес река гора сад кухня хлеб погода лето зима история час
        новость газета полиция суд врач больница университет студенты учитель команда игра матч цель проект
        план решение результат энергия природа климат церковь музей выставка музыка книга фильм вечер утро
        ночь друг соседи дорога деревня область`),
      V: wordList(`является был была было были будет может должен сказал говорит делает идёт находится
        остаётся показывает получает предлагает объявил открыл строит ищет просит работает играет живёт
        выиграл потерял стоит начинает развивает поддерживает улучшает`),
      A: wordList(`новый новая новые большой большая маленький старый хороший первый последний важный
        длинный высокий русский общественный местный собственный быстрый простой сильный целый другой
        известный современный`),
    },
    patterns: ['A N V X P N', 'D N V A N', 'R X V N P N', 'P N N V D A N', 'N V N, C R X V'],
    space: ' ',
    comma: ',',
    stop: '.',
    question: '?',
  },
  {
    code: 'zh',
    name: 'Chinese',
    script: 'Han',
    classes: {
      D: wordList('这个 那个 一个 每个 这些 我们的 他们的'),
      R: wordList('我们 他们 他 她 大家 人们'),
      X: wordList('已经 还 很 最 更 也 都 就 不 正在 一直 终于'),
      C: wordList('但是 因为 所以 如果 而且 虽然 同时'),
      N: wordList(`时间 城市 国家 家庭 工作 生活 世界 孩子 学校 街道 政府 公司 市场 价格 问题 答案 报告 社区 市长 房子 火车 车站 汽车 森林 河流 花园 厨房 天气 夏天 冬天
        历史 新闻 报纸 警察 法院 医生 医院 大学 学生 老师 协会 球队 比赛 目标 项目 计划 决定 结果 能源 电力 环境 气候 博物馆 展览 音乐 电影 晚上 早上 朋友 邻居 道路 村庄 地区
        技术 经济 文化 服务 居民 游客`),
      V: wordList(
        `是 有 说 做 看 找 用 开始 发展 支持 提高 建设 提供 宣布 解释 打开 收到 需要 参加 完成 举行 增加 减少 保护 改善 讨论 介绍 推动 关注`,
      ),
      A: wordList('新 大 小 老 好 重要 长 高 公共 地方 快 简单 其他 著名 现代 主要 传统 美丽'),
    },
    patterns: [
      'D N X V 了 A 的 N',
      'N 的 N 在 N V',
      'R X V 这个 N, C N 也 V',
      'A 的 N V 了 N',
      '在 N, R V A N',
    ],
    space: '',
    comma: '，',
    stop: '。',
    question: '？',
  },
  {
    code: 'ar',
    name: 'Arabic',
    script: 'Arabic',
    classes: {
      P: wordList('في من على إلى عن مع بعد قبل بين خلال حتى'),
      C: wordList('و لكن لأن أن ثم أو'),
      R: wordList('هو هي نحن هم'),
      X: wordList('قد لا كما أيضا كثيرا اليوم دائما'),
      N: wordList(`الوقت العام اليوم المدينة البلد البيت العمل الحياة العالم المرأة الرجل الطفل الأطفال
        المدرسة العائلة المال الماء الشارع الأسبوع الشهر الحكومة الشركة السوق السعر السؤال الجواب التقرير
        البلدية الرئيس المنزل القطار المحطة السيارة الغابة النهر الجبل الحديقة المطبخ الخبز الطقس الصيف
        الشتاء التاريخ الساعة الأخبار الصحيفة الشرطة المحكمة الطبيب المستشفى الجامعة الطلاب المعلم الفريق
        المباراة الهدف المشروع الخطة القرار النتيجة الطاقة الكهرباء البيئة المناخ المتحف المعرض الموسيقى
        الكتاب الفيلم المساء الصباح الليل الصديق الجيران الطريق القرية المنطقة`),
      V: wordList(`يقول قال يعمل يذهب جاء يرى يجد يستخدم بدأ يطور يدعم يحسن يبني يقدم أعلن أوضح فتح تلقى
        يحتاج يلعب يعيش فاز خسر يكلف يشارك أكمل عقد يزيد يقلل يحمي ناقش`),
      A: wordList(`الجديد الجديدة الكبير الكبيرة الصغير القديم الجيد الأول الأخير المهم الطويل العالي العربي
        المحلي السريع البسيط القوي الآخر المعروف الحديث الرئيسي التقليدي الجميل`),
    },
    patterns: ['V N A P N', 'N A V P N', 'C V N P N A', 'P N, V R X N', 'X V N A P N'],
    space: ' ',
    comma: '،',
    stop: '.',
    question: '؟',
  },
];
