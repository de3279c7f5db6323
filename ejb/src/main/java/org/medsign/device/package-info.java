/**
 * Phones (行動裝置, 載具): importing one with a binding ticket (M5–M7), binding it online with its own
 * device key (M9), and the owner's list, rename and removal. The device key later authenticates the phone.
 * What the portal holds in view state ({@code DeviceView}, {@code IssuedTicket}, {@code TicketProgress}) is
 * Serializable, so a page's state moves to another node of a cluster.
 */
package org.medsign.device;
