/** The 個人簽章提醒設定 page (M1). */
package org.medsign.reminder.portal;
