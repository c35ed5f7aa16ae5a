/**
 * AI assist for agents: a suggested reply for the customer's last question, from the FAQ when its
 * matcher is confident, else an LLM draft grounded and checked like the LLM tier's answers. It
 * only proposes: the console puts the text in the agent's composer and nothing is sent or stored
 * until the agent sends it. Its own module because it joins the console (whose interface it
 * implements) with the FAQ and the LLM, and nothing depends on it, so no module gains a cycle.
 */
package nl.loket.assist;
