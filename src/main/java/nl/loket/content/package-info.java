/**
 * Content files, the way editors write them: one reader that turns YAML and Markdown front matter into
 * typed values or {@code file:line: problem} lists, one watcher that reloads each kind of content when its
 * files change and keeps the last good version serving, and the check command ({@code bin/faq-check}) that
 * every kind of content plugs into through {@link nl.loket.content.ContentCheck}.
 */
package nl.loket.content;
