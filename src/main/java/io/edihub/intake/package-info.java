/**
 * Intake: takes a customer's input file from a channel, runs it through the format's reader, stores
 * what was accepted together with the raw document and the acknowledgments, and says where the file
 * goes next.
 */
package io.edihub.intake;
