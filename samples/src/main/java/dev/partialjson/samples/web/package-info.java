/**
 * The browser demo: a page that renders a model's answer while it streams, fed by server-sent
 * events keyed by JSON path. Start with {@link dev.partialjson.samples.web.BrowserDemo}.
 */
@NullMarked
package dev.partialjson.samples.web;

import org.jspecify.annotations.NullMarked;
