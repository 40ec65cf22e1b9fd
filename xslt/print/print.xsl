<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe: TEI -> HTML for WeasyPrint (CSS paged media).

  Imports the reading-edition stylesheet and overrides only what print needs:
    - a title page (title, date, participants, translator, source, licence)
      followed by the record (no screen header, footer or endnote list);
    - notes as CSS footnotes: the note text is placed at the call as
      <span class="footnote" data-n="N">, floated to the page foot by print.css;
    - turn numbers instead of "¶" links;
    - the page size ($page-size: 'A5' or 'A4') as an @page rule.
  The running head is the h1's data-short-title (string-set in print.css).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="../html/html.xsl"/>

  <!-- Page size: 'A5' (default) or 'A4'. -->
  <xsl:param name="page-size" as="xs:string" select="'A5'"/>
  <!-- Href of the (self-contained) paged-media stylesheet; overrides html.xsl's. -->
  <xsl:param name="css-href" as="xs:string" select="'print.css'"/>

  <xsl:template name="html-head">
    <xsl:if test="not(upper-case($page-size) = ('A4', 'A5'))">
      <xsl:message terminate="yes" error-code="ts:page-size">page-size must be A4 or A5, not '<xsl:value-of select="$page-size"/>'</xsl:message>
    </xsl:if>
    <meta charset="utf-8"/>
    <title><xsl:value-of select="ts:title(.)"/></title>
    <xsl:call-template name="meta-tags"/>
    <link rel="stylesheet" href="{$css-href}"/>
    <style>@page { size: <xsl:value-of select="upper-case($page-size)"/>; }</style>
  </xsl:template>

  <xsl:template name="html-body">
    <section class="title-page">
      <h1 class="title" data-short-title="{ts:short-title(.)}"><xsl:value-of select="ts:title(.)"/></h1>
      <xsl:call-template name="meta-list"/>
      <xsl:call-template name="conventions"/>
      <p class="cite"><strong>Cite this: </strong><xsl:call-template name="cite-this"/></p>
      <p class="licence"><xsl:call-template name="licence"/></p>
    </section>
    <main id="record">
      <xsl:apply-templates select="/TEI/text"/>
    </main>
  </xsl:template>

  <!-- The note text goes where the call is; WeasyPrint floats it to the page foot. -->
  <xsl:template match="note">
    <span class="footnote" data-n="{ts:note-label(.)}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Blocks are not allowed inside the footnote span. -->
  <xsl:template match="note//p">
    <span class="note-p"><xsl:apply-templates/></span>
    <xsl:if test="following-sibling::p"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template name="turn-link">
    <xsl:param name="n" as="xs:string"/>
    <xsl:text> </xsl:text>
    <span class="turn-number" title="sp-{$n}"><xsl:value-of select="$n"/></span>
  </xsl:template>

</xsl:stylesheet>
