/**
 * The development root's offline custodian: when {@code medsign.dev.offline-root} names a file outside the key
 * directory, the development CA's bootstrap leaves its root key there instead of dropping it, and
 * {@link org.medsign.dev.rootca.OfflineRoot} plays the hospital's offline root in a CA rollover rehearsal (it signs the
 * new issuing CA's request and a new root CRL). Development and tests only: a production root never reaches medsign.
 */
package org.medsign.dev.rootca;
