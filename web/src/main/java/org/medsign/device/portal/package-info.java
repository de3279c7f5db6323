/**
 * 行動裝置管理 in the portal: the list of my devices, 匯入載具 with its QR code and password (M5–M7),
 * noticing when the phone has bound, rename and removal.
 * Their view-scoped state is Serializable and keeps its services in transient fields found again through
 * {@link org.medsign.portal.Services}, so a cluster can move it to another node.
 */
package org.medsign.device.portal;
