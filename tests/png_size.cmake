# png_size.cmake: included by the -P check scripts that look at a PNG the game or a tool wrote.
# malcon_png_size(<png> <w var> <h var>): fails unless the file starts with the PNG signature,
# and sets the two variables to its width and height, read from its IHDR chunk.
function(malcon_png_size png wvar hvar)
  file(READ ${png} sig LIMIT 8 HEX)
  if(NOT sig STREQUAL "89504e470d0a1a0a")
    message(FATAL_ERROR "${png} is not a PNG (starts with ${sig})")
  endif()
  file(READ ${png} wh OFFSET 16 LIMIT 8 HEX)
  string(SUBSTRING ${wh} 0 8 wx)
  string(SUBSTRING ${wh} 8 8 hx)
  math(EXPR w "0x${wx}")
  math(EXPR h "0x${hx}")
  set(${wvar} ${w} PARENT_SCOPE)
  set(${hvar} ${h} PARENT_SCOPE)
endfunction()
