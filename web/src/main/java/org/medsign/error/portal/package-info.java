/**
 * The FAQ page (常見問題及錯誤代碼對照表, M26): the whole error-code catalogue in the user's language.
 * Public, so a user who cannot log in can still look a code up. And {@link org.medsign.error.portal.RefusalPage},
 * the plain refusal of a request turned away before any page runs.
 */
package org.medsign.error.portal;
