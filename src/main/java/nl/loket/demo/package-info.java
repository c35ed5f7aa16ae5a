/**
 * Demo mode, the one switch ({@code loket.demo.enabled}) that allows what is only safe on a
 * developer's machine: demo accounts, the embedded Redis, any site embedding the widget. Outside
 * demo mode each module refuses to start when it finds such a thing ({@link nl.loket.demo.DemoMode#demoOnly}),
 * with a one-line reason and fix instead of a stack trace.
 */
package nl.loket.demo;
