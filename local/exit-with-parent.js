// Preloaded (node --require) into the stand-ins that Java starts: the launcher keeps our stdin open,
// so its end means the launching JVM is gone, even if it was killed without running its shutdown hooks.
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
