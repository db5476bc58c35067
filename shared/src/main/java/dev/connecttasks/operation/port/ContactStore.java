package dev.connecttasks.operation.port;

import dev.connecttasks.contact.Contact;
import dev.connecttasks.contact.ContactChanges;
import dev.connecttasks.contact.ContactKey;
import dev.connecttasks.contact.TagChange;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Existing contacts: consistent reads, and the changes of UpdateContact and UpdateContactSchedule. A
 * contact past its retention is gone, whether or not it has been deleted yet.
 */
public interface ContactStore {

    Optional<Contact> find(ContactKey key, Instant now);

    /** Contacts of one instance by id; absent ids are missing from the map. */
    Map<String, Contact> findAll(String instanceId, Collection<String> contactIds, Instant now);

    /**
     * Name and description replace, references merge; a merge past the reference cap is refused with
     * the rule's InvalidParameterException and writes nothing. Concurrent updates lose no reference.
     */
    Change update(ContactKey key, ContactChanges changes, Instant now);

    /**
     * TagContact and UntagContact: adds or replaces the change's tags, and removes its keys (a key that is
     * not there is fine); a contact that would have more than {@code TagRules.MAX_TAGS} tags is refused with
     * the rule's InvalidParameterException and nothing is written. Concurrent changes lose no tag.
     */
    Change retag(TagChange change, Instant now);

    /**
     * StopContact: ends a contact that has not ended ({@code DisconnectReason} {@code API}); one whose flow
     * has not started never starts. Returns what it came to and, when it stopped it, the contact as it was.
     */
    Stopping stop(ContactKey key, Instant now);

    /**
     * Ends a contact whose expiry has come ({@code DisconnectReason} {@code EXPIRED}), if it has not ended
     * and {@code expiry} is still its expiry (UpdateContact may have moved it).
     */
    Change expire(ContactKey key, Instant expiry, Instant now);

    /** What a stop came to, and the contact before it when it stopped it. */
    record Stopping(Change change, Contact before) {
    }

    /**
     * UpdateContactAttributes: adds or replaces {@code attributes} on every contact of the chain of
     * {@code key} (the chain's initial contact and every contact that names it as InitialContactId),
     * ended ones too, all or nothing; a contact that would pass the 32,768-byte cap refuses the whole
     * update with the rule's InvalidParameterException. Concurrent updates lose no key.
     */
    Change updateAttributes(ContactKey key, Map<String, String> attributes, Instant now);

    /** Moves a scheduled contact whose flow has not started to a new time. */
    Change reschedule(ContactKey key, Instant scheduledTime, Instant now);
}
