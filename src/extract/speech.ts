/**
 * Speech verbs of news prose: the finite forms that attribute a quotation ("said", "insists",
 * "told", "described … as"). One alternation, longest forms first, for use inside a regex.
 */
// prettier-ignore
const verbs = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'wrote', 'writes', 'insisted', 'insists',
  'stated', 'states', 'explained', 'explains', 'noted', 'notes', 'argued', 'argues', 'claimed',
  'claims', 'asked', 'asks', 'replied', 'replies', 'reply', 'conceded', 'concedes', 'confirmed',
  'confirms', 'warned', 'warns', 'declared', 'declares', 'announced', 'announces', 'continued',
  'recalled', 'recalls', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'remarked',
  'observed', 'suggested', 'suggests', 'stressed', 'stresses', 'emphasized', 'emphasised',
  'emphasizes', 'emphasises', 'tweeted', 'tweets', 'posted', 'commented', 'answered', 'responded',
  'cautioned', 'predicted', 'promised', 'vowed', 'urged', 'complained', 'countered', 'maintained',
  'maintains', 'contended', 'repeated', 'shouted', 'yelled', 'testified', 'concluded', 'mentioned',
  'affirmed', 'boasted', 'lamented', 'quipped', 'joked', 'pleaded', 'demanded', 'revealed',
  'alleged', 'assured', 'reiterated', 'underlined', 'underscored', 'wondered', 'cried', 'recounted',
  'described', 'describes', 'called', 'calls', 'texted', 'interjected', 'exclaimed', 'whispered',
  'pointed out', 'points out', 'went on', 'goes on', 'agreed', 'agrees', 'wrote in',
  'disclosed', 'objected', 'protested', 'retorted', 'conceded', 'mused', 'accused', 'accuses',
  'compared', 'compares', 'criticised', 'criticized', 'criticises', 'criticizes', 'boasts', 'sighed',
  'sighs', 'advised', 'advises', 'informed', 'informs', 'slammed', 'slams', 'blasted', 'blasts',
  'fumed', 'scoffed', 'snapped', 'reasoned', 'reflected', 'begged', 'thanked', 'praised', 'mocked',
  'labelled', 'labeled', 'branded', 'dubbed', 'hailed', 'charged', 'posted on', 'shared', 'wrote on',
  'explained', 'predicts', 'warned', 'assures', 'vows', 'urges', 'tweeted', 'cautions', 'recounts',
  'laments', 'jokes', 'quips', 'contends', 'concluded', 'concludes', 'stressed', 'acknowledged',
  'summed up', 'reacted', 'reacts', 'reported', 'reports', 'characterized', 'characterised',
  'characterizes', 'characterises', 'remarks', 'referred to', 'refers to', 'spoke', 'speaks', 'proclaimed', 'proclaims', 'announced',
  'instructed', 'instructs', 'ordered', 'proposed', 'proposes', 'written', 'read in part', 'reads in part',
  'denounced', 'denounces', 'condemned', 'condemns', 'apologised', 'apologized',
  'apologises', 'apologizes', 'expressed', 'expresses',
  // The plural present of reporting verbs ("Critics argue", "The lawsuit alleges").
  'argue', 'allege', 'alleges', 'insist', 'contend', 'warn'
]

/**
 * The first words of the speech verbs, lower case: a word not in here cannot open a speech verb,
 * a cheap test before the regex.
 */
export const speechVerbFirstWords: ReadonlySet<string> = new Set(verbs.map((verb) => verb.split(' ')[0]!))

/** Regex source matching one speech verb as a whole word (with or without the `u` flag). */
export const speechVerb = `(?<![A-Za-z\\-])(?:${[...new Set(verbs)].sort((a, b) => b.length - a.length).join('|')})\\b`

/** Participles that attribute a quotation to the subject of their clause ("…, saying"). */
export const participles =
  'saying|telling|adding|writing|asking|declaring|noting|arguing|insisting|warning|explaining|calling|describing|' +
  'tweeting|posting|stating|claiming|urging|vowing|replying|responding|proclaiming|shouting|joking|quipping|' +
  'pleading|boasting|complaining|remarking|accusing|comparing|criticising|criticizing|sighing|advising|' +
  'announcing|reading|that reads|that read|which read|which reads|conceding|admitting|recalling|suggesting|' +
  'answering|musing|lamenting|stressing|emphasizing|emphasising|promising|predicting|demanding|exclaiming'
/** Channels that carry speech: "issued a statement saying", "fired off tweets:". */
export const channels =
  'statement|statements|tweet|tweets|post|posts|email|e-mail|emails|letter|message|messages|release|memo|note|' +
  'sign|banner|placard|poster|caption|video|speech|op-ed|editorial|interview|blog post|press conference|text message'
