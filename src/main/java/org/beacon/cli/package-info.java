/**
 * The command line: picocli commands that call other modules' APIs and print what they did. Holds no
 * business rules; every command here could be an HTTP call instead.
 */
package org.beacon.cli;
