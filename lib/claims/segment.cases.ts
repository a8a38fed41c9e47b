// Hard cases for the sentence segmenter: each input with the sentences it must give, in order.
// Written for this project (not taken from the fixture). "\u00a0" and "\u202f" are the no-break
// spaces of French typography.

import type { Language } from "@/lib/review/model";

export type SegmentCase = { name: string; language: Language; text: string; expected: string[] };

export const SEGMENT_CASES: SegmentCase[] = [
  // --- French: abbreviations and titles
  {
    name: "M. before a name",
    language: "fr",
    text: "M. Dupont est arrivé à Lyon. Il repart demain.",
    expected: ["M. Dupont est arrivé à Lyon.", "Il repart demain."],
  },
  {
    name: "MM. and Mme",
    language: "fr",
    text: "MM. Martin et Petit ont signé. Mme Durand a refusé.",
    expected: ["MM. Martin et Petit ont signé.", "Mme Durand a refusé."],
  },
  {
    name: "Dr. in French text",
    language: "fr",
    text: "Le Dr. Lefèvre a opéré le patient. L'opération a duré trois heures.",
    expected: ["Le Dr. Lefèvre a opéré le patient.", "L'opération a duré trois heures."],
  },
  {
    name: "p. ex. mid-sentence",
    language: "fr",
    text: "Certaines villes, p. ex. Lille, ont réagi. D'autres non.",
    expected: ["Certaines villes, p. ex. Lille, ont réagi.", "D'autres non."],
  },
  {
    name: "av. J.-C. mid-sentence",
    language: "fr",
    text: "La cité fut fondée en 753 av. J.-C. selon la légende. Rome grandit ensuite.",
    expected: ["La cité fut fondée en 753 av. J.-C. selon la légende.", "Rome grandit ensuite."],
  },
  {
    name: "av. J.-C. ending a sentence",
    language: "fr",
    text: "Le temple date de 450 av. J.-C. Il a été restauré en 1990.",
    expected: ["Le temple date de 450 av. J.-C.", "Il a été restauré en 1990."],
  },
  {
    name: "etc. ending a sentence",
    language: "fr",
    text: "Ils ont saisi des fusils, des munitions, etc. La police enquête.",
    expected: ["Ils ont saisi des fusils, des munitions, etc.", "La police enquête."],
  },
  {
    name: "etc. mid-sentence",
    language: "fr",
    text: "Des drones, des missiles, etc. ont été tirés sur la ville. Le bilan est lourd.",
    expected: ["Des drones, des missiles, etc. ont été tirés sur la ville.", "Le bilan est lourd."],
  },
  {
    name: "St. as part of a place name",
    language: "fr",
    text: "Il a vécu à St. Louis pendant dix ans. Il est rentré en France.",
    expected: ["Il a vécu à St. Louis pendant dix ans.", "Il est rentré en France."],
  },
  // --- French: numbers
  {
    name: "spaced thousands with a plain space",
    language: "fr",
    text: "La Russie a tiré plus de 1 800 drones. Kyiv en a abattu 1 500.",
    expected: ["La Russie a tiré plus de 1 800 drones.", "Kyiv en a abattu 1 500."],
  },
  {
    name: "spaced thousands with no-break spaces",
    language: "fr",
    text: "Le budget atteint 12\u00a0500\u202f000 euros. Il augmente de 2,5\u00a0%.",
    expected: ["Le budget atteint 12\u00a0500\u202f000 euros.", "Il augmente de 2,5\u00a0%."],
  },
  {
    name: "decimal comma and decimal point",
    language: "fr",
    text: "La croissance a atteint 2,5 % puis 3.5 % en un an. Les prix ont suivi.",
    expected: ["La croissance a atteint 2,5 % puis 3.5 % en un an.", "Les prix ont suivi."],
  },
  {
    name: "sentence starting with a number",
    language: "fr",
    text: "La Russie a tiré des centaines de drones. 83 missiles ont aussi été lancés.",
    expected: ["La Russie a tiré des centaines de drones.", "83 missiles ont aussi été lancés."],
  },
  // --- French: ellipses and punctuation
  {
    name: "ellipsis character followed by lowercase",
    language: "fr",
    text: "Il a hésité… puis il a signé le texte. La séance a été levée.",
    expected: ["Il a hésité… puis il a signé le texte.", "La séance a été levée."],
  },
  {
    name: "three dots followed by lowercase",
    language: "fr",
    text: "Il voulait partir... mais il est resté. Personne ne sait pourquoi.",
    expected: ["Il voulait partir... mais il est resté.", "Personne ne sait pourquoi."],
  },
  {
    name: "ellipsis ending a sentence",
    language: "fr",
    text: "Les négociations continuent… La prochaine réunion aura lieu lundi.",
    expected: ["Les négociations continuent…", "La prochaine réunion aura lieu lundi."],
  },
  {
    name: "elision mark inside a quotation",
    language: "fr",
    text: "« Nous avons gagné (…) Nous continuerons », a dit le général. La guerre continue.",
    expected: ["« Nous avons gagné (…) Nous continuerons », a dit le général.", "La guerre continue."],
  },
  {
    name: "question mark followed by an inverted verb",
    language: "fr",
    text: "« Pourquoi maintenant ? » demande-t-il. Personne ne répond.",
    expected: ["« Pourquoi maintenant ? » demande-t-il.", "Personne ne répond."],
  },
  {
    name: "closing guillemet after a spaced exclamation mark",
    language: "fr",
    text: "Il a crié : « Non\u00a0! » Puis il est parti.",
    expected: ["Il a crié : « Non\u00a0! »", "Puis il est parti."],
  },
  // --- French: quotations over several sentences
  {
    name: "guillemets with attribution after",
    language: "fr",
    text: "« Phrase un. Phrase deux », a dit X. La suite est ici.",
    expected: ["« Phrase un. Phrase deux », a dit X.", "La suite est ici."],
  },
  {
    name: "guillemets with a-t-il écrit",
    language: "fr",
    text: "« Nos défenses tiennent. Nous avons abattu 40 drones », a-t-il écrit. Moscou dément.",
    expected: ["« Nos défenses tiennent. Nous avons abattu 40 drones », a-t-il écrit.", "Moscou dément."],
  },
  {
    name: "straight quotes with nested straight quotes and attribution",
    language: "fr",
    text: 'Il a parlé longuement. "Les "Géraniums" sont dangereux. Nous devons agir", a affirmé le ministre.',
    expected: [
      "Il a parlé longuement.",
      '"Les "Géraniums" sont dangereux. Nous devons agir", a affirmé le ministre.',
    ],
  },
  {
    name: "curly quotes with attribution by selon",
    language: "fr",
    text: "“La ville est tombée. Les troupes avancent”, selon le Kremlin. Kyiv dément.",
    expected: ["“La ville est tombée. Les troupes avancent”, selon le Kremlin.", "Kyiv dément."],
  },
  {
    name: "quotation without attribution stays split",
    language: "fr",
    text: "« Les réunions ont porté leurs fruits. Je suis reconnaissant à nos alliés. »",
    expected: ["« Les réunions ont porté leurs fruits.", "Je suis reconnaissant à nos alliés. »"],
  },
  {
    name: "inverted dit-elle after a quotation",
    language: "fr",
    text: "« C'est faux. Tout est faux », dit-elle. Le débat est clos.",
    expected: ["« C'est faux. Tout est faux », dit-elle.", "Le débat est clos."],
  },
  {
    name: "initials of a French name",
    language: "fr",
    text: "Le livre de J. M. G. Le Clézio est sorti. Il a été salué.",
    expected: ["Le livre de J. M. G. Le Clézio est sorti.", "Il a été salué."],
  },
  // --- Paragraphs and lines
  {
    name: "blank line ends a sentence without punctuation",
    language: "fr",
    text: "Moscou affirme avoir pris le contrôle de certains territoires\n\nLe Kremlin affirme que ses forces avancent.",
    expected: [
      "Moscou affirme avoir pris le contrôle de certains territoires",
      "Le Kremlin affirme que ses forces avancent.",
    ],
  },
  {
    name: "blank line ends a sentence even before lowercase",
    language: "fr",
    text: "Un titre sans point\n\net une suite en minuscule.",
    expected: ["Un titre sans point", "et une suite en minuscule."],
  },
  {
    name: "blank line after an abbreviation",
    language: "en",
    text: "The report was published by Acme Inc.\n\nThe company denied it.",
    expected: ["The report was published by Acme Inc.", "The company denied it."],
  },
  {
    name: "several blank lines with spaces",
    language: "fr",
    text: "Premier paragraphe.\n  \n\n \nSecond paragraphe.",
    expected: ["Premier paragraphe.", "Second paragraphe."],
  },
  {
    name: "hard-wrapped line joins the sentence",
    language: "en",
    text: "The minister said the troops\nwould stay until March. Nobody objected.",
    expected: ["The minister said the troops\nwould stay until March.", "Nobody objected."],
  },
  // --- English
  {
    name: "U.S. mid-sentence",
    language: "en",
    text: "The U.S. economy grew 3.5 percent last year. Inflation slowed.",
    expected: ["The U.S. economy grew 3.5 percent last year.", "Inflation slowed."],
  },
  {
    name: "U.S. before a proper noun",
    language: "en",
    text: "The U.S. Army confirmed the strike. It gave no details.",
    expected: ["The U.S. Army confirmed the strike.", "It gave no details."],
  },
  {
    name: "U.K. ending a sentence",
    language: "en",
    text: "The talks were held in the U.K. The next round is in Geneva.",
    expected: ["The talks were held in the U.K.", "The next round is in Geneva."],
  },
  {
    name: "Dr. and Mr. titles",
    language: "en",
    text: "Dr. Smith met Mr. Jones in London. They spoke for an hour.",
    expected: ["Dr. Smith met Mr. Jones in London.", "They spoke for an hour."],
  },
  {
    name: "initials J. K. Rowling",
    language: "en",
    text: "The novel by J. K. Rowling sold 500 million copies. Critics were divided.",
    expected: ["The novel by J. K. Rowling sold 500 million copies.", "Critics were divided."],
  },
  {
    name: "Jan. before a date and No. before a number",
    language: "en",
    text: "On Jan. 5 the minister visited No. 10 Downing St. with aides. Talks followed.",
    expected: ["On Jan. 5 the minister visited No. 10 Downing St. with aides.", "Talks followed."],
  },
  {
    name: "St. Petersburg",
    language: "en",
    text: "Putin spoke in St. Petersburg on Friday. He did not mention the strike.",
    expected: ["Putin spoke in St. Petersburg on Friday.", "He did not mention the strike."],
  },
  {
    name: "e.g. and i.e.",
    language: "en",
    text: "Some weapons, e.g. Patriot systems, i.e. air defence, were sent. More may follow.",
    expected: ["Some weapons, e.g. Patriot systems, i.e. air defence, were sent.", "More may follow."],
  },
  {
    name: "decimal and thousands separators",
    language: "en",
    text: "Russia fired 1,800 drones and 3.5 times more shells. Ukraine shot down 1,200.",
    expected: ["Russia fired 1,800 drones and 3.5 times more shells.", "Ukraine shot down 1,200."],
  },
  {
    name: "English ellipsis followed by lowercase",
    language: "en",
    text: "He paused... and then he signed the deal. The room applauded.",
    expected: ["He paused... and then he signed the deal.", "The room applauded."],
  },
  {
    name: "straight quotes with said after",
    language: "en",
    text: '"We will not retreat. We will win," said John Smith. The crowd cheered.',
    expected: ['"We will not retreat. We will win," said John Smith.', "The crowd cheered."],
  },
  {
    name: "curly quotes with name then said",
    language: "en",
    text: "“The drones work well. Hundreds were shot down,” Zelensky wrote on X. Moscow disagreed.",
    expected: ["“The drones work well. Hundreds were shot down,” Zelensky wrote on X.", "Moscow disagreed."],
  },
  {
    name: "quotation with he said",
    language: "en",
    text: '"It is over. We lost," he said. Then he left.',
    expected: ['"It is over. We lost," he said.', "Then he left."],
  },
  {
    name: "question followed by lowercase attribution",
    language: "en",
    text: '"Why now?" asked the senator. Nobody answered.',
    expected: ['"Why now?" asked the senator.', "Nobody answered."],
  },
  {
    name: "quoted sentence without attribution stays split",
    language: "en",
    text: '"This is a good day. I am grateful to our allies." The president then left.',
    expected: ['"This is a good day.', 'I am grateful to our allies."', "The president then left."],
  },
  {
    name: "a.m. and p.m.",
    language: "en",
    text: "The strike hit at 4 a.m. local time and ended by 6 p.m. Officials said 12 people died.",
    expected: ["The strike hit at 4 a.m. local time and ended by 6 p.m.", "Officials said 12 people died."],
  },
  {
    name: "sentence starting with a digit after a period",
    language: "en",
    text: "The attack lasted all night. 83 missiles were fired.",
    expected: ["The attack lasted all night.", "83 missiles were fired."],
  },
  {
    name: "parenthesis closing the sentence",
    language: "en",
    text: "The vote passed (by a narrow margin.) The opposition walked out.",
    expected: ["The vote passed (by a narrow margin.)", "The opposition walked out."],
  },
  {
    name: "exclamation and question marks",
    language: "en",
    text: "What happened? Nobody knows! The inquiry starts Monday.",
    expected: ["What happened?", "Nobody knows!", "The inquiry starts Monday."],
  },
  {
    name: "Inc. mid-sentence",
    language: "en",
    text: "Acme Inc. said profits rose 4%. Shares jumped.",
    expected: ["Acme Inc. said profits rose 4%.", "Shares jumped."],
  },
  {
    name: "surrogate pairs keep offsets in code units",
    language: "en",
    text: "The emoji 🚀 marks a launch. Another 🚀 followed.",
    expected: ["The emoji 🚀 marks a launch.", "Another 🚀 followed."],
  },
];
