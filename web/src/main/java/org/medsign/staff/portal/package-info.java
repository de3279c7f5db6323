/**
 * Portal pages of the staff directory: 首頁, 個人資料 and IT's staff search.
 * They show what {@link org.medsign.staff.StaffDirectory} returns, masked as it returns it.
 */
package org.medsign.staff.portal;
