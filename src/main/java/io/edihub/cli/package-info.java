/**
 * Command-line tools that run without the hub: {@code translate} shows what the hub would make of a file.
 */
package io.edihub.cli;
