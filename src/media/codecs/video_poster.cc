#include "media/codecs/video_poster.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/log.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <memory>

#include "media/codecs/vips_pipeline.h"

namespace hallway::media {
namespace {

constexpr int kMaxSide = 8192;
// Packets read before giving up on finding a frame: enough for several
// seconds of any usual frame rate, bounded for a damaged or hostile file.
constexpr int kMaxPackets = 2000;
// Decoders allowed for the container's streams (probing may open audio ones).
constexpr const char* kCodecs = "h264,hevc,vp8,vp9,av1,mpeg4,aac,opus,vorbis,mp3";

struct CloseInput {
  void operator()(AVFormatContext* f) const { avformat_close_input(&f); }
};
struct FreeCodec {
  void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FreePacket {
  void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct FreeFrame {
  void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct FreeScaler {
  void operator()(SwsContext* s) const { sws_freeContext(s); }
};

core::Error Unsupported(const std::string& why) {
  return core::Error::UnsupportedMedia("media: no poster for this video: " + why);
}

// FFmpeg reports every oddity of a damaged upload on stderr; the outcome is
// what we report, so it is silenced once for the process.
void QuietFfmpeg() {
  static const bool quiet = [] {
    av_log_set_level(AV_LOG_QUIET);
    return true;
  }();
  (void)quiet;
}

// The frame's pixels as packed RGB, `w`×`h`.
core::Result<std::string> ToRgb(const AVFrame& frame, int w, int h) {
  std::unique_ptr<SwsContext, FreeScaler> scaler(sws_getContext(w, h, static_cast<AVPixelFormat>(frame.format), w,
                                                                h, AV_PIX_FMT_RGB24, SWS_BILINEAR, nullptr, nullptr,
                                                                nullptr));
  if (!scaler) return Unsupported("its pixel format cannot be converted");
  std::string rgb(static_cast<std::size_t>(w) * h * 3, '\0');
  std::uint8_t* planes[4] = {reinterpret_cast<std::uint8_t*>(rgb.data()), nullptr, nullptr, nullptr};
  int strides[4] = {w * 3, 0, 0, 0};
  if (sws_scale(scaler.get(), frame.data, frame.linesize, 0, h, planes, strides) != h) {
    return Unsupported("its frame could not be converted");
  }
  return rgb;
}

}  // namespace

core::Result<VideoPoster> MakeVideoPoster(const std::string& path, const std::string& container, int edge) {
  if (container != "mp4" && container != "webm") {
    return core::Error::InvalidArgument("media: posters are made for mp4 and webm videos only");
  }
  QuietFfmpeg();
  const AVInputFormat* format = av_find_input_format(container.c_str());
  if (!format) return Unsupported("this FFmpeg has no " + container + " reader");
  AVDictionary* options = nullptr;
  av_dict_set(&options, "protocol_whitelist", "file", 0);
  av_dict_set(&options, "codec_whitelist", kCodecs, 0);
  AVFormatContext* raw = nullptr;
  const int opened = avformat_open_input(&raw, path.c_str(), format, &options);
  av_dict_free(&options);
  if (opened < 0) return Unsupported("the file could not be read as " + container);
  std::unique_ptr<AVFormatContext, CloseInput> input(raw);
  if (avformat_find_stream_info(input.get(), nullptr) < 0) return Unsupported("its streams could not be read");

  const AVCodec* codec = nullptr;
  const int stream_index = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
  if (stream_index < 0 || !codec) return Unsupported("it has no video stream we can decode");
  const AVStream* stream = input->streams[stream_index];
  const AVCodecParameters* params = stream->codecpar;
  if (params->width <= 0 || params->height <= 0 || params->width > kMaxSide || params->height > kMaxSide) {
    return Unsupported("its frame size is missing or over 8,192 pixels");
  }
  std::unique_ptr<AVCodecContext, FreeCodec> decoder(avcodec_alloc_context3(codec));
  if (!decoder || avcodec_parameters_to_context(decoder.get(), params) < 0) {
    return Unsupported("its decoder could not be set up");
  }
  decoder->thread_count = 1;
  AVDictionary* decoder_options = nullptr;
  av_dict_set(&decoder_options, "codec_whitelist", kCodecs, 0);
  const int decoder_opened = avcodec_open2(decoder.get(), codec, &decoder_options);
  av_dict_free(&decoder_options);
  if (decoder_opened < 0) return Unsupported("its decoder could not be opened");

  // The target time, in the stream's time base; seeking is a shortcut only.
  std::int64_t target = 0;
  if (input->duration > 0) {
    const std::int64_t micros = std::min<std::int64_t>(AV_TIME_BASE, input->duration / 10);
    target = av_rescale_q(micros, AVRational{1, AV_TIME_BASE}, stream->time_base);
    if (stream->start_time != AV_NOPTS_VALUE) target += stream->start_time;
    if (av_seek_frame(input.get(), stream_index, target, AVSEEK_FLAG_BACKWARD) < 0) {
      (void)av_seek_frame(input.get(), stream_index, 0, AVSEEK_FLAG_BACKWARD);
    }
  }

  std::unique_ptr<AVPacket, FreePacket> packet(av_packet_alloc());
  std::unique_ptr<AVFrame, FreeFrame> frame(av_frame_alloc());
  std::unique_ptr<AVFrame, FreeFrame> chosen(av_frame_alloc());
  if (!packet || !frame || !chosen) return core::Error::Internal("media: out of memory decoding a video");
  bool have = false;
  bool done = false;
  // Keeps the latest decoded frame; done once one reaches the target.
  auto drain = [&]() {
    while (!done && avcodec_receive_frame(decoder.get(), frame.get()) == 0) {
      av_frame_unref(chosen.get());
      av_frame_move_ref(chosen.get(), frame.get());
      have = true;
      const std::int64_t at = chosen->best_effort_timestamp;
      done = at == AV_NOPTS_VALUE || at >= target;
    }
  };
  for (int read = 0; !done && read < kMaxPackets; ++read) {
    if (av_read_frame(input.get(), packet.get()) < 0) break;
    if (packet->stream_index == stream_index) {
      const int sent = avcodec_send_packet(decoder.get(), packet.get());
      av_packet_unref(packet.get());
      if (sent < 0 && sent != AVERROR(EAGAIN)) continue;  // a damaged packet: try the next
      drain();
    } else {
      av_packet_unref(packet.get());
    }
  }
  if (!done) {  // the end of the file (or of the budget): flush what is buffered
    avcodec_send_packet(decoder.get(), nullptr);
    drain();
  }
  if (!have) return Unsupported("no frame could be decoded");
  const int w = chosen->width;
  const int h = chosen->height;
  if (w <= 0 || h <= 0 || w > kMaxSide || h > kMaxSide) return Unsupported("its decoded frame has a bad size");

  HALLWAY_TRY_ASSIGN(std::string rgb, ToRgb(*chosen, w, h));
  HALLWAY_TRY_ASSIGN(Jpeg jpeg, EncodeJpegFromRgb(rgb, w, h, edge));
  return VideoPoster{std::move(jpeg.bytes), w, h};
}

}  // namespace hallway::media
