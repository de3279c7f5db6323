/**
 * The healthcare professional card as a login and as a proof of presence (M3, M12): single-use challenges, the
 * check of card signatures, the mapping of cards to staff and the pull-out/re-insert ceremony. Pages reach it
 * through {@link org.medsign.card.CardLogin}, {@link org.medsign.card.CardPresence} and {@link org.medsign.card.CardHolders}
 * (whose links they list as {@link org.medsign.card.CardLinkView}s).
 */
package org.medsign.card;
