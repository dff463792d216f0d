"""Reading an audio file's length with mutagen, as the format its content was sniffed to be
(mutagen's own guess leans on the file name, which we never trust)."""

import mutagen
from mutagen.aac import AAC
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggflac import OggFLAC
from mutagen.oggopus import OggOpus
from mutagen.oggspeex import OggSpeex
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

READERS = {
    "audio/mpeg": [MP3],
    "audio/mp4": [MP4],
    "audio/aac": [AAC],
    "audio/ogg": [OggVorbis, OggOpus, OggFLAC, OggSpeex],
    "audio/wav": [WAVE],
}


def duration_seconds(file, mime_type: str) -> float | None:
    """The length in seconds, or None when the file cannot be read as that format."""
    readers = READERS.get(mime_type)
    if not readers:
        return None
    for reader in readers:
        file.seek(0)
        try:
            audio = reader(file)
        except (mutagen.MutagenError, ValueError, EOFError, OSError, IndexError):
            continue
        finally:
            file.seek(0)
        length = getattr(getattr(audio, "info", None), "length", None)
        if length and length > 0:
            return float(length)
    return None
