/**
 * The HTTP API: order documents in ({@code POST /api/v1/orders}), decisions on held orders, an order's
 * state; authentication and request size limits for everything served over HTTP.
 */
package io.edihub.api;
