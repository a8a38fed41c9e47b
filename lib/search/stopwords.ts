// Words that say nothing about what a claim is about, in French and English, folded (lower case,
// no accents) as `foldWord` returns them. Number words are deliberately absent: "deux tiers",
// "two thirds" and "1 800" are what distinguishes one claim from another.
const FRENCH = `
a afin ai aie aient aies ait alors apres as au aucun aucune aupres auquel aura aurait aussi autre autres aux
avaient avais avait avant avec avoir ayant c ca car ce ceci cela celle celles celui cependant ces cet cette
ceux chaque chez ci comme comment contre d dans de des deja depuis donc dont du elle elles en encore entre
est et etaient etait ete etre eu eux fait faire fois font hors il ils j je jusqu jusque l la laquelle le
lequel les lesquels leur leurs lors lui m ma mais me meme memes mes moi mon n ne ni non nos notre nous on
ont ou par parce pas pendant peu peut peuvent plus pour pourquoi puis qu quand que quel quelle quelles quels qui
quoi s sa sans se sera serait seraient ses si sien soi soit son sont sous suis sur t ta tandis te
tes toi ton tous tout toute toutes tres tu un une vers via voici voila vos votre vous y
affirme affirment affirmait affirmant assure assurent declare declarent declaration estime estiment
indique indiquent dit disent explique ajoute ajoutent souligne annonce annoncent rapporte selon
`;

const ENGLISH = `
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing done down during each either few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself neither no nor not now of off on once only or other our ours ourselves out over own same she should
so some such than that the their theirs them themselves then there these they this those through to too
under until up upon very via was we were what when where which while who whom why will with would you your
yours yourself yourselves
says said say saying claims claimed claim claiming according states stated told tells added adds announced
reported reports
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${FRENCH} ${ENGLISH}`.split(/\s+/).filter(Boolean));
