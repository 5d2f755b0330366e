// Source helpers shared by the curated files.
export const SEED = {
  s000: 'seeds/000_c281c2e4ca9648f1.txt', // ZMP: end of the 5-year EEA project, Poznań conference 18.10.2016
  s001: 'seeds/001_c2e63964d096c663.txt', // ZMP invitation, Opole 18.04.2016, laureates of the SLZ 2015 edition (not named)
  s002: 'seeds/002_1df9fc9dba6eee0e.txt', // EEA-PP phase II presentation, Łódź 12.11.2013
  s003: 'seeds/003_e5b4c18015f85d95.txt', // EEA-PP description + dobrepraktyki.pl list of 26
  s004: 'seeds/004_875282d63b5e0608.txt', // CWD Plus networking seminar, Serock
};
/** A seed document source, optionally with a verbatim quote (checked by validate.mjs). */
export const seed = (k, quote, note) => ({ ref: SEED[k], ...(quote ? { quote } : {}), ...(note ? { note } : {}) });
/** A URL whose quote is taken by build.mjs from the first reference-CSV row with that URL. */
export const csv = (url, note) => ({ ref: url, fromCsv: true, ...(note ? { note } : {}) });
/** A URL named in ../shared/reference/README.md without a verbatim quote. */
export const readme = (url, note) => ({ ref: url, note: `no verbatim quote available; fact as summarised in the reference README${note ? `; ${note}` : ''}` });
/** Seed 003 on the first SLZ edition: its laureates, and that its results were announced at the I Kongres (June 2014). */
export const SLZ_LAUREATES = seed('s003', 'Laureatami zostali: Stowarzyszenie Metropolia Poznań, Aglomeracja Wałbrzyska, Stowarzyszenie LGD „Wokół Łysej Góry”, Miasto Bielsko-Biała oraz Stowarzyszenie LGD „Dolina Raby”');
export const SLZ_FIRST_EDITION = seed('s003', 'Ważnym elementem projektu predefiniowanego była organizacja I edycji');
export const SLZ_RESULTS = seed('s003', 'Ogłoszenie wyników konkursu nastąpiło podczas');
export const FIRST_CONGRESS = seed('s003', 'W czerwcu 2014 roku w Poznaniu zorganizowany został');
/** A laureate of the first (2014) SLZ edition. */
export const slzLaureate = () => ({ programme: 'SLZ', status: 'LAUREATE', phase: 'I', sources: [SLZ_LAUREATES, SLZ_FIRST_EDITION, SLZ_RESULTS] });
/** dobrepraktyki.pl list item (seed 003). */
export const dp = (n, quote) => seed('s003', quote, `dobrepraktyki.pl list "Współpraca pomiędzy JST", item ${n}`);
/**
 * A JST office named in the first column of the dobrepraktyki.pl list, "Jednostka wdrażająca lub lider partnerstwa"
 * (implementing unit or leader). The list does not say which of the two it is, so it is loaded as a member, never as
 * leader. `type`/`level` as in seedMembers; `extra` overrides fields (sourceName).
 */
export const implementer = (n, office, base, type, extra = {}) => {
  const src = dp(n, office);
  return { sourceName: office, base, type, role: 'MEMBER', ...extra,
    sources: [{ ...src, note: `${src.note}; column "Jednostka wdrażająca lub lider partnerstwa" (implementing unit or leader): a member, leader not stated` }] };
};
