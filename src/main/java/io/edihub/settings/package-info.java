/**
 * The hub's start-up check of its own settings: unless the local run's embedded servers supply them
 * ({@link io.edihub.settings.EmbeddedServerSettings}, never in the production artifact), every setting that
 * must come from outside is checked before anything connects, and a start that cannot work stops with one
 * message naming each property and the environment variable that sets it. Also explains, by its URL, a
 * database that cannot be reached.
 */
package io.edihub.settings;
