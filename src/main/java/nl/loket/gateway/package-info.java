/**
 * The customer WebSocket channel {@code /ws/chat}: parses and validates frames, answers bad input
 * with stable error codes, holds each socket's view on its conversation and pushes that
 * conversation's events to it. It decides nothing about answers: customer messages go to routing.
 */
package nl.loket.gateway;
