package org.medsign.systemtest;

/** A running medsign as a whole, one server or a cluster: where users reach it and the databases it uses. */
public interface Deployment extends WebAddress {

    /** medsign's own database. */
    TestDatabase database();

    /** The HIS stand-in's database. */
    TestDatabase his();
}
