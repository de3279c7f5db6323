/**
 * Records for the HIS stand-in, for demos, tests and benchmarks: the deterministic generator, its command line
 * ({@link org.medsign.dev.his.HisGeneratorCommand}), and the demo set the stand-in gets right after its migration.
 */
package org.medsign.dev.his;
