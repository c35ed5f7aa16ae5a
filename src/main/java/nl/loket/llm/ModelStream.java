package nl.loket.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One streaming call, turned from callbacks on LangChain4j's threads into signals the answering
 * thread waits for with its own deadlines (LangChain4j's timeout does not bound a stream).
 */
final class ModelStream implements StreamingChatResponseHandler {

    sealed interface Signal {
        record Token(String text) implements Signal {
        }

        /** A piece of a tool call's arguments: the stream is alive, though nothing is shown. */
        record ToolDelta(int length) implements Signal {
        }

        record Done(ChatResponse response) implements Signal {
        }

        record Failed(Throwable error) implements Signal {
        }
    }

    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private volatile StreamingHandle handle;
    private volatile boolean cancelled;

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        if (stillWanted(context.streamingHandle())) {
            signals.add(new Signal.Token(partial.text()));
        }
    }

    @Override
    public void onPartialResponse(String text) {
        signals.add(new Signal.Token(text));
    }

    @Override
    public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
        if (stillWanted(context.streamingHandle())) {
            onPartialToolCall(partial);
        }
    }

    @Override
    public void onPartialToolCall(PartialToolCall partial) {
        String arguments = partial.partialArguments();
        signals.add(new Signal.ToolDelta(arguments == null ? 0 : arguments.length()));
    }

    /** Keeps the handle to cancel with; false (and cancelled now) when the stream was cancelled before it came. */
    private boolean stillWanted(StreamingHandle streaming) {
        handle = streaming;
        if (cancelled) {
            streaming.cancel();
            return false;
        }
        return true;
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        signals.add(new Signal.Done(response));
    }

    @Override
    public void onError(Throwable error) {
        signals.add(new Signal.Failed(error));
    }

    /** The next signal, or null when none came within {@code wait}. */
    Signal next(Duration wait) throws InterruptedException {
        return signals.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Stops the stream; callbacks that still arrive are ignored. */
    void cancel() {
        cancelled = true;
        StreamingHandle h = handle;
        if (h != null) {
            h.cancel();
        }
    }
}
