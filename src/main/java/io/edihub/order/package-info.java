/**
 * The canonical purchase order every intake format maps to, its delivery schedules, the monthly
 * releases they split into, and the store that keeps them.
 */
package io.edihub.order;
