/**
 * The hub's start-up check of its own settings: unless the local run's embedded servers supply them
 * ({@link io.edihub.settings.EmbeddedServerSettings}, never in the production artifact), every setting that
 * must come from outside is checked before anything connects, and a start that cannot work stops with one
 * message naming each property and the environment variable that sets it. Also explains, by its URL, a
 * database that cannot be reached.
 *
 * <p>Owns no tables. May use {@code partner} (to report a broken partner file with the rest).
 */
@ApplicationModule(displayName = "Start-up checks", allowedDependencies = {"partner"})
package io.edihub.settings;

import org.springframework.modulith.ApplicationModule;
