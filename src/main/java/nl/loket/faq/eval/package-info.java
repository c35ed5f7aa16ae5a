/**
 * Measures the production FAQ matcher on public intent data sets (train side only): top-1
 * accuracy, and with the shipped threshold the answered share, precision and AUROC.
 */
package nl.loket.faq.eval;
