/**
 * Phones (行動裝置, 載具): importing one with a binding ticket (M5–M7), binding it online with its own
 * device key (M9), and the owner's list, rename and removal. The device key later authenticates the phone.
 */
package org.medsign.device;
