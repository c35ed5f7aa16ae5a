/**
 * What the GDPR asks of the stored conversations: erasure of one conversation or of every conversation of
 * a customer id, with everything derived from it, and an export for an access request (JSON and readable
 * text), over an API for supervisors and the {@code bin/loket-privacy} command. It finds a conversation's
 * data by the key convention every module follows ({@code loket:<module>:{c:<id>}...}, plus shared
 * indexes that name the id), so a new module's keys are erased and exported without a change here.
 */
package nl.loket.privacy;
