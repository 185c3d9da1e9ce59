#!/bin/sh
# Draws assets/icons/claimdesk.png (256x256): a page of text with claims highlighted in
# the verdict colours (Verdict::rgb) and a check mark. Needs ImageMagick 6 (`convert`).
set -eu
cd "$(dirname "$0")"
CONVERT=${CONVERT:-/usr/bin/convert}
"$CONVERT" -size 256x256 xc:none \
  -fill '#1f3a5f' -draw 'roundrectangle 8,8 247,247 44,44' \
  -fill '#f7f4ec' -draw 'roundrectangle 52,34 196,222 10,10' \
  -fill '#c9c4b8' \
  -draw 'rectangle 70,60 178,68' \
  -draw 'rectangle 70,150 150,158' \
  -draw 'rectangle 70,186 170,194' \
  -fill 'rgb(250,214,92)' -draw 'roundrectangle 66,80 182,98 4,4' \
  -fill 'rgb(110,200,120)' -draw 'roundrectangle 66,108 160,126 4,4' \
  -fill 'rgb(232,100,100)' -draw 'roundrectangle 66,164 128,182 4,4' \
  -fill '#3d3a33' \
  -draw 'rectangle 72,87 176,91' \
  -draw 'rectangle 72,115 154,119' \
  -draw 'rectangle 72,171 122,175' \
  -fill 'rgb(110,200,120)' -stroke '#1f3a5f' -strokewidth 6 -draw 'circle 188,186 188,232' \
  -fill none -stroke '#ffffff' -strokewidth 12 -draw 'stroke-linecap round stroke-linejoin round polyline 167,187 182,203 209,170' \
  -strip PNG32:claimdesk.png
