/**
 * 行動裝置管理 in the portal: the list of my devices, 匯入載具 with its QR code and password (M5–M7),
 * noticing when the phone has bound, rename and removal.
 */
package org.medsign.device.portal;
