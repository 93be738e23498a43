/* global AudioWorkletProcessor, registerProcessor */
// Hands each block of microphone samples (the first channel) to the page, which packs them into chunks for the
// host. Loaded from the app's own origin, as the content security policy requires of a worklet.
class PcmCapture extends AudioWorkletProcessor {
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel && channel.length > 0) this.port.postMessage(channel.slice(0));
    return true;
  }
}
registerProcessor('pcm-capture', PcmCapture);
