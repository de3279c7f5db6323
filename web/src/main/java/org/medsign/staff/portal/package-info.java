/**
 * Portal pages of the staff directory: 首頁, 個人資料 and IT's staff search.
 * They show what {@link org.medsign.staff.StaffDirectory} returns, masked as it returns it.
 * Their view-scoped state is Serializable and keeps its services in transient fields found again through
 * {@link org.medsign.portal.Services}, so a cluster can move it to another node.
 */
package org.medsign.staff.portal;
