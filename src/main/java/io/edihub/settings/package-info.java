/**
 * The hub's start-up check of its own settings: with the embedded servers off (the {@code production}
 * profile, or {@code edihub.local.enabled=false}) every setting that must come from outside is checked
 * before anything connects, and a start that cannot work stops with one message naming each property and
 * the environment variable that sets it. Also explains, by its URL, a database that cannot be reached.
 *
 * <p>Owns no tables. May use {@code partner} (to report a broken partner file with the rest).
 */
@ApplicationModule(displayName = "Start-up checks", allowedDependencies = {"partner"})
package io.edihub.settings;

import org.springframework.modulith.ApplicationModule;
