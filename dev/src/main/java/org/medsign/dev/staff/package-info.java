/**
 * The demo staff directory: the people of the manual's walkthrough, their sites, departments and professions,
 * loaded into an empty directory when {@code medsign.demo-data} is on. The development HCA issues their cards.
 */
package org.medsign.dev.staff;
