/**
 * The FAQ tier: entries as Markdown files with YAML front matter, loaded and watched from
 * {@code loket.faq.dir}, and a Dutch/English matcher (rules, then Lucene BM25) that reports a
 * calibrated confidence and knows when it does not know. {@link nl.loket.faq.Faq} is the facade.
 */
package nl.loket.faq;
