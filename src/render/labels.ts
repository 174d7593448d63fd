import de from './locales/de.json' with {type: 'json'}
import en from './locales/en.json' with {type: 'json'}
import es from './locales/es.json' with {type: 'json'}
import fr from './locales/fr.json' with {type: 'json'}

/** One locale file per language; every file has English's keys (a test holds them to it). */
export type Locale = typeof en
type Counted = {one: string; other: string}

const locales: Record<string, Locale> = {en, de, fr, es}

/** The languages labels exist for: `lang` `de-CH` uses `de`; any other language uses English. */
export const labelLanguages = Object.keys(locales)

/** The labels for `lang`, with counted phrases ("3 quotes") made by the language's plural rules. */
export function labelsFor(lang: string) {
  const base = lang.toLowerCase().split(/[-_]/)[0] ?? 'en'
  const locale = locales[base] ?? en
  const rules = new Intl.PluralRules(locales[base] ? lang : 'en')
  const numbers = new Intl.NumberFormat(locales[base] ? lang : 'en')
  const count = (forms: Counted, n: number) => (rules.select(n) === 'one' ? forms.one : forms.other).replace('{n}', numbers.format(n))
  return {
    ...locale,
    count: {
      articles: (n: number) => count(locale.articles, n),
      sources: (n: number) => count(locale.sourceCount, n),
      quotes: (n: number) => count(locale.quotes, n),
      figures: (n: number) => count(locale.figureCount, n),
      reportedBy: (n: number) => count(locale.reportedBy, n),
      more: (n: number) => count(locale.more, n)
    },
    /** Headings of the plain text, upper-cased by the language's rules. */
    upper: (text: string) => text.toLocaleUpperCase(locales[base] ? lang : 'en')
  }
}

export type Labels = ReturnType<typeof labelsFor>
