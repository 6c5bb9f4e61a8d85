/** The program of the README's Anthropic section, compiled with the tests so that it stays true. */
package dev.partialjson.anthropic.readme;
