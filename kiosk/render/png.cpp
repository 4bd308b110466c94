// PNG files with libpng (see png.h).
//
// libpng reports errors by longjmp from its error callback. The jump lands in encode_rows, which
// holds no object with a destructor: everything it uses is owned by encode_png, which frees it
// whether the rows went through or not.
#include "kiosk/render/png.h"

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>

#include <png.h>

namespace kiosk {

namespace {

// What libpng's callbacks need: where the bytes go and what went wrong.
struct Job {
    const PngSink* sink;
    const char* error = nullptr;  // libpng's message or ours; static or libpng-owned text
    int sink_errno = 0;           // errno when the sink failed
};

extern "C" void on_error(png_structp png, png_const_charp message) {
    auto* job = static_cast<Job*>(png_get_error_ptr(png));
    if (job->error == nullptr) job->error = message;
    png_longjmp(png, 1);
}

// Warnings (none are expected for an 8-bit RGB picture) are not worth a line in the journal.
extern "C" void on_warning(png_structp, png_const_charp) {}

extern "C" void on_write(png_structp png, png_bytep data, std::size_t n) {
    auto* job = static_cast<Job*>(png_get_io_ptr(png));
    if (!(*job->sink)(data, n)) {
        job->sink_errno = errno;
        job->error = "cannot write the PNG file";
        png_error(png, job->error);
    }
}

extern "C" void on_flush(png_structp) {}

// The header, the rows top to bottom, the end. False when libpng gave up or a row was missing
// (job.error says why).
bool encode_rows(png_structp png, png_infop info, int w, int h, const PngRows& rows, Job& job) {
    if (setjmp(png_jmpbuf(png)) != 0) return false;
    png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* row = rows();
        if (row == nullptr) {
            job.error = "the picture's rows are broken";
            return false;
        }
        png_write_row(png, row);
    }
    png_write_end(png, nullptr);
    return true;
}

Diagnostic error(std::string message) {
    return Diagnostic{"", 0, Severity::error, std::move(message)};
}

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

Result<bool> encode_png(int w, int h, const PngRows& rows, const PngSink& sink) {
    if (w <= 0 || h <= 0) {
        return fail(error("cannot make a PNG of a " + std::to_string(w) + "x" + std::to_string(h) +
                          " picture"));
    }
    Job job{&sink};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &job, on_error, on_warning);
    if (png == nullptr) return fail(error("libpng did not start"));
    png_infop info = png_create_info_struct(png);
    if (info == nullptr) {
        png_destroy_write_struct(&png, nullptr);
        return fail(error("libpng did not start"));
    }
    png_set_write_fn(png, &job, on_write, on_flush);
    bool ok = encode_rows(png, info, w, h, rows, job);
    png_destroy_write_struct(&png, &info);
    if (ok) return true;
    std::string why = job.error != nullptr ? job.error : "libpng failed";
    if (job.sink_errno != 0) why += std::string(": ") + std::strerror(job.sink_errno);
    return fail(error(why));
}

Result<bool> encode_png(const Image& image, const PngSink& sink) {
    const auto row_bytes = static_cast<std::size_t>(image.w > 0 ? image.w : 0) * 3;
    if (image.w <= 0 || image.h <= 0 ||
        image.rgb.size() != row_bytes * static_cast<std::size_t>(image.h)) {
        return fail(error("cannot make a PNG of a " + std::to_string(image.w) + "x" +
                          std::to_string(image.h) + " picture of " +
                          std::to_string(image.rgb.size()) + " bytes"));
    }
    std::size_t y = 0;
    return encode_png(
        image.w, image.h, [&] { return image.rgb.data() + row_bytes * y++; }, sink);
}

Result<bool> encode_png(const RunImage& image, const PngSink& sink) {
    RunRows rows(image);
    auto png = encode_png(
        image.w, image.h, [&] { return rows.next(); }, sink);
    if (png && !rows.at_end()) {
        return fail(error("the picture's rows are broken"));
    }
    return png;
}

Result<bool> write_png(const std::string& path, const Image& image) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
    if (!file) {
        return fail(Diagnostic{path, 0, Severity::error,
                               std::string("cannot write the PNG file: ") + std::strerror(errno)});
    }
    auto written = encode_png(image, [&](const std::uint8_t* bytes, std::size_t n) {
        return std::fwrite(bytes, 1, n, file.get()) == n;
    });
    int closed = std::fclose(file.release());
    if (!written) {
        Diagnostic d = written.error().front();
        d.file = path;
        return fail(std::move(d));
    }
    if (closed != 0) {
        return fail(Diagnostic{path, 0, Severity::error,
                               std::string("cannot write the PNG file: ") + std::strerror(errno)});
    }
    return true;
}

}  // namespace kiosk
