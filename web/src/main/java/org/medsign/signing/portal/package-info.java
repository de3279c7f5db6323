/** The 24-hour signing deadline on pages: the staff's 首頁 panel and IT's 簽章時限 page. */
package org.medsign.signing.portal;
