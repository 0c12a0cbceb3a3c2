import type { NextConfig } from "next";

// Plain files for S3 behind CloudFront (or any static server): nothing runs on a server at request time.
const nextConfig: NextConfig = {
  output: "export",
  trailingSlash: true, // /event/ is event/index.html, an S3 key
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
