<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe HTML module: notes.

  In the text each note becomes a superscript call
      <a class="note-call" href="#note-K" id="call-K"><sup>N</sup></a>
  and the notes are listed at the end of <main> in
      <section class="notes"><h2>Notes</h2><ol><li id="note-K">... <a href="#call-K">↩</a>
  N (the visible number) is @n, else the note's position among the notes of
  <text>; K (the id key) is N when it is unique in the document, else the
  position, so ids never collide.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:function name="ts:note-position" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:number select="$note" level="any" count="text//note" from="text"/>
  </xsl:function>

  <xsl:function name="ts:note-label" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:sequence select="if (normalize-space($note/@n)) then normalize-space($note/@n)
                          else ts:note-position($note)"/>
  </xsl:function>

  <xsl:function name="ts:note-key" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:variable name="label" select="ts:note-label($note)"/>
    <xsl:variable name="same" select="root($note)/TEI/text//note[normalize-space(@n) = $label]"/>
    <xsl:sequence select="if (count($same) le 1 and matches($label, '^[\w.-]+$')) then $label
                          else 'p' || ts:note-position($note)"/>
  </xsl:function>

  <xsl:template match="note">
    <xsl:variable name="key" select="ts:note-key(.)"/>
    <a class="note-call" href="#note-{$key}" id="call-{$key}" role="doc-noteref"
        aria-label="Note {ts:note-label(.)}"><sup><xsl:value-of select="ts:note-label(.)"/></sup></a>
  </xsl:template>

  <xsl:template name="endnotes">
    <xsl:variable name="notes" select="/TEI/text//note"/>
    <xsl:if test="$notes">
      <section class="notes" role="doc-endnotes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ol class="notes-list">
          <xsl:apply-templates select="$notes" mode="endnote"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="note" mode="endnote">
    <xsl:variable name="key" select="ts:note-key(.)"/>
    <li id="note-{$key}" role="doc-endnote">
      <span class="note-label"><xsl:value-of select="ts:note-label(.)"/>.</span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
      <xsl:text> </xsl:text>
      <a class="back-link" href="#call-{$key}" role="doc-backlink"
          aria-label="Back to the call of note {ts:note-label(.)}">↩</a>
    </li>
  </xsl:template>

</xsl:stylesheet>
