/**
 * The phone's side of device binding (線上綁定裝置, M9) in the mobile API.
 * The ticket and its code are the credential; the device key proves the phone.
 */
package org.medsign.device.api;
