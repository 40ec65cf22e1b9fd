<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe: TEI P5 record of conversation -> HTML5 reading edition (driver).

  Input : one TEI document shaped like tests/data/sample.xml.
  Output: one HTML5 page (header = metadata, main = the record + notes,
          footer = provenance), linking the stylesheet $css-href.

  Per-concern modules:
    header.xsl   metadata block, "Cite this", download links
    turns.xsl    div/head/dateline/p/sp/speaker/stage/closer
    phrases.xsl  foreign/supplied/expan/sic/seg/hi/persName/pb/...
    notes.xsl    note calls and the endnote list

  Text is never dropped: the unnamed mode copies text of unmatched elements
  (on-no-match="text-only-copy") and mixed content is never normalised.
  print/print.xsl imports this module and overrides the named templates.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:include href="header.xsl"/>
  <xsl:include href="turns.xsl"/>
  <xsl:include href="phrases.xsl"/>
  <xsl:include href="notes.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
      include-content-type="no"/>

  <xsl:mode on-no-match="text-only-copy" warning-on-no-match="no"/>

  <!-- Relative href of the TEI XML download ('' = no link). -->
  <xsl:param name="tei-href" as="xs:string" select="''"/>
  <!-- Relative href of the PDF download ('' = no link). -->
  <xsl:param name="pdf-href" as="xs:string" select="''"/>
  <!-- Relative href of the screen stylesheet. -->
  <xsl:param name="css-href" as="xs:string" select="'edition.css'"/>

  <xsl:key name="person" match="person" use="@xml:id"/>
  <xsl:key name="language" match="language" use="@ident"/>

  <!-- ===== helpers shared by every module ===== -->

  <!-- A CSS-class-safe token: lower case, runs of other characters -> '-'. -->
  <xsl:function name="ts:token" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(replace(lower-case(string($s)), '[^a-z0-9_-]+', '-'), '^-+|-+$', '')"/>
  </xsl:function>

  <!-- The main title of the document. -->
  <xsl:function name="ts:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="ts" select="root($doc)/TEI/teiHeader/fileDesc/titleStmt/title"/>
    <xsl:sequence select="normalize-space(($ts[@type = 'main'], $ts)[1])"/>
  </xsl:function>

  <!-- The short title (running head): title[@type='short'], else ts:shorten(main title). -->
  <xsl:function name="ts:short-title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="short" select="root($doc)/TEI/teiHeader/fileDesc/titleStmt/title[@type = 'short'][normalize-space()]"/>
    <xsl:sequence select="if ($short) then normalize-space($short[1]) else ts:shorten(ts:title($doc))"/>
  </xsl:function>

  <!-- Longest length (characters) of a one-line running head. -->
  <xsl:variable name="ts:short-max" as="xs:integer" select="60"/>

  <!-- A title of at most $ts:short-max characters: a longer one is cut before
       its first comma, then (still too long) before " between ", then at the
       last whole word with an ellipsis. A cut that would leave nothing is skipped. -->
  <xsl:function name="ts:shorten" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="t" select="normalize-space($title)"/>
    <xsl:variable name="to-comma" select="if (string-length($t) gt $ts:short-max
        and normalize-space(substring-before($t, ','))) then normalize-space(substring-before($t, ',')) else $t"/>
    <xsl:variable name="to-between" select="if (string-length($to-comma) gt $ts:short-max
        and normalize-space(substring-before($to-comma, ' between ')))
        then normalize-space(substring-before($to-comma, ' between ')) else $to-comma"/>
    <!-- One character more than fits: a word ending at the limit is kept whole. -->
    <xsl:variable name="cut" select="substring($to-between, 1, $ts:short-max + 1)"/>
    <xsl:variable name="words" select="if (matches($cut, '[\s,;:]')) then replace($cut, '[\s,;:]+\S*$', '') else ''"/>
    <xsl:sequence select="if (string-length($to-between) le $ts:short-max) then $to-between
        else (if ($words) then $words else substring($to-between, 1, $ts:short-max - 1)) || '…'"/>
  </xsl:function>

  <!-- ===== page skeleton ===== -->

  <xsl:template match="/">
    <html lang="{(TEI/@xml:lang, 'en')[1]}">
      <xsl:text>&#10;</xsl:text>
      <head>
        <xsl:call-template name="html-head"/>
      </head>
      <xsl:text>&#10;</xsl:text>
      <body>
        <xsl:call-template name="html-body"/>
      </body>
      <xsl:text>&#10;</xsl:text>
    </html>
  </xsl:template>

  <xsl:template name="html-head">
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title><xsl:value-of select="ts:title(.)"/></title>
    <xsl:call-template name="meta-tags"/>
    <link rel="stylesheet" href="{$css-href}"/>
  </xsl:template>

  <xsl:template name="html-body">
    <a class="skip-link" href="#record">Skip to the record</a>
    <header class="edition-header">
      <xsl:call-template name="header-block"/>
    </header>
    <xsl:text>&#10;</xsl:text>
    <main id="record">
      <xsl:apply-templates select="/TEI/text"/>
      <xsl:call-template name="endnotes"/>
    </main>
    <xsl:text>&#10;</xsl:text>
    <footer class="edition-footer">
      <xsl:call-template name="footer-block"/>
    </footer>
  </xsl:template>

</xsl:stylesheet>
