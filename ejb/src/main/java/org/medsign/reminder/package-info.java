/**
 * 個人簽章提醒設定 (M1): each person's reminder settings (on/off, time of day, minimum pending, e-mail) and the
 * signing-reminders job's daily digest of what awaits their signature, sent through WildFly's mail session.
 */
package org.medsign.reminder;
