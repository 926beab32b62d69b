#include "tests/support/video_maker.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <gtest/gtest.h>

namespace hallway::testing {
namespace {

// BT.601 limited range.
struct Yuv {
  std::uint8_t y, u, v;
};
constexpr Yuv kBlack{16, 128, 128};
constexpr Yuv kRed{81, 90, 240};

void Fill(AVFrame* f, Yuv c) {
  for (int row = 0; row < f->height; ++row) {
    std::fill_n(f->data[0] + row * f->linesize[0], f->width, c.y);
  }
  for (int row = 0; row < (f->height + 1) / 2; ++row) {
    std::fill_n(f->data[1] + row * f->linesize[1], (f->width + 1) / 2, c.u);
    std::fill_n(f->data[2] + row * f->linesize[2], (f->width + 1) / 2, c.v);
  }
}

// Moves every packet the encoder has ready into the file.
bool Drain(AVCodecContext* enc, AVFormatContext* out, AVStream* stream, AVPacket* pkt) {
  for (;;) {
    const int rc = avcodec_receive_packet(enc, pkt);
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return true;
    if (rc < 0) return false;
    av_packet_rescale_ts(pkt, enc->time_base, stream->time_base);
    pkt->stream_index = stream->index;
    if (av_interleaved_write_frame(out, pkt) < 0) return false;
  }
}

}  // namespace

bool WriteTestVideo(const std::string& path, const VideoSpec& spec) {
  const bool webm = spec.container == "webm";
  AVFormatContext* out = nullptr;
  if (avformat_alloc_output_context2(&out, nullptr, webm ? "webm" : "mp4", path.c_str()) < 0) {
    ADD_FAILURE() << "no " << spec.container << " muxer";
    return false;
  }
  const AVCodec* codec = webm ? avcodec_find_encoder_by_name("libvpx") : avcodec_find_encoder(AV_CODEC_ID_MPEG4);
  AVCodecContext* enc = codec ? avcodec_alloc_context3(codec) : nullptr;
  AVStream* stream = avformat_new_stream(out, nullptr);
  AVFrame* frame = av_frame_alloc();
  AVPacket* pkt = av_packet_alloc();
  bool ok = enc && stream && frame && pkt;
  if (ok) {
    enc->width = spec.width;
    enc->height = spec.height;
    enc->time_base = AVRational{1, spec.fps};
    enc->framerate = AVRational{spec.fps, 1};
    enc->pix_fmt = AV_PIX_FMT_YUV420P;
    enc->gop_size = spec.fps;
    enc->bit_rate = 400000;
    if (out->oformat->flags & AVFMT_GLOBALHEADER) enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    ok = avcodec_open2(enc, codec, nullptr) >= 0 && avcodec_parameters_from_context(stream->codecpar, enc) >= 0;
  }
  if (ok) {
    stream->time_base = enc->time_base;
    ok = avio_open(&out->pb, path.c_str(), AVIO_FLAG_WRITE) >= 0 && avformat_write_header(out, nullptr) >= 0;
  }
  if (ok) {
    frame->format = enc->pix_fmt;
    frame->width = spec.width;
    frame->height = spec.height;
    ok = av_frame_get_buffer(frame, 0) >= 0;
  }
  for (int i = 0; ok && i < spec.frames; ++i) {
    ok = av_frame_make_writable(frame) >= 0;
    Fill(frame, i < spec.black_frames ? kBlack : kRed);
    frame->pts = i;
    ok = ok && avcodec_send_frame(enc, frame) >= 0 && Drain(enc, out, stream, pkt);
  }
  ok = ok && avcodec_send_frame(enc, nullptr) >= 0 && Drain(enc, out, stream, pkt) && av_write_trailer(out) >= 0;
  if (out && out->pb) avio_closep(&out->pb);
  av_packet_free(&pkt);
  av_frame_free(&frame);
  avcodec_free_context(&enc);
  avformat_free_context(out);
  if (!ok) ADD_FAILURE() << "could not encode a " << spec.container << " test video to " << path;
  return ok;
}

}  // namespace hallway::testing
